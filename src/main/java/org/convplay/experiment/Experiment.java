package org.convplay.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A saved experiment: a page's whole state as JSON ({@link #body}), never changed once saved except for
 * being hidden by its owner. Editing one saves a new experiment whose {@link #parentId} names it.
 */
@Entity
@Table(name = "experiment")
public class Experiment {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    /** Characters of JSON state: room for a 64x64 input and a few layers of weights, with a margin. */
    public static final int MAX_BODY = 1_000_000;

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    /** Which page saved it: "playground" or "pipeline". */
    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "schema_version", nullable = false)
    private int schemaVersion;

    /** The state as JSON: {@code {"request": <a /api/pipeline body>, "view": {...}}}. */
    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "parent_id", length = 32)
    private String parentId;

    /** The account that saved it, or null when saved anonymously. */
    @Column(name = "owner_name", length = 100)
    private String ownerName;

    /** SHA-256 of the anonymous browser's key, so that browser can list and delete what it saved. */
    @Column(name = "browser_hash", length = 64)
    private String browserHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Experiment() {
    }

    Experiment(String id, String title, String description, String kind, int schemaVersion, String body,
               String parentId, String ownerName, String browserHash, Instant createdAt) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.schemaVersion = schemaVersion;
        this.body = body;
        this.parentId = parentId;
        this.ownerName = ownerName;
        this.browserHash = browserHash;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getKind() {
        return kind;
    }

    public int getSchemaVersion() {
        return schemaVersion;
    }

    public String getBody() {
        return body;
    }

    public String getParentId() {
        return parentId;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public String getBrowserHash() {
        return browserHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    void markDeleted(Instant when) {
        this.deletedAt = when;
    }
}
