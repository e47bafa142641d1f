package org.convplay.experiment;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImageBlobRepository extends JpaRepository<ImageBlob, String> {
}
