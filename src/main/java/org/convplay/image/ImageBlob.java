package org.convplay.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.convplay.shared.Limits;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An image file that experiments use, keyed by the SHA-256 of its bytes; written once, never changed. */
@Entity
@Table(name = "image_blob")
class ImageBlob {

    @Id
    @Column(length = 64)
    private String sha256;

    /** VARBINARY on H2, BYTEA on PostgreSQL: Hibernate would ask H2 for a BLOB at this length, which V4 does not make. */
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false, length = Limits.MAX_IMAGE_BYTES)
    private byte[] bytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ImageBlob() {
    }

    ImageBlob(String sha256, byte[] bytes, Instant createdAt) {
        this.sha256 = sha256;
        this.bytes = bytes;
        this.createdAt = createdAt;
    }

    byte[] bytes() {
        return bytes;
    }
}
