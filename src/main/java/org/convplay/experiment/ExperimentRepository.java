package org.convplay.experiment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExperimentRepository extends JpaRepository<Experiment, String> {

    List<Experiment> findByOwnerNameAndDeletedAtIsNullOrderByCreatedAtDesc(String ownerName);

    List<Experiment> findByBrowserHashAndDeletedAtIsNullOrderByCreatedAtDesc(String browserHash);
}
