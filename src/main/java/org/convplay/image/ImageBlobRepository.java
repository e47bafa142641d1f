package org.convplay.image;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImageBlobRepository extends JpaRepository<ImageBlob, String> {
}
