package org.convplay.experiment;


import org.convplay.shared.Hashes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.NotFoundException;
import org.convplay.shared.TooLargeException;
import org.convplay.shared.Limits;
import org.convplay.limits.Clients;
import org.convplay.limits.RateLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves, finds, lists, hides, exports and imports experiments. A saved experiment never changes: saving an
 * edited one makes a fork that names its parent. Every write is checked here, whoever calls.
 */
@Service
public class ExperimentService {

    /** The format of the saved and exported JSON; older files are upgraded when read. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "convolution-playground/experiment";

    private final ExperimentRepository repository;
    private final Map<String, ExperimentKind> kinds;
    private final AccountService accounts;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RateLimits rates;

    ExperimentService(ExperimentRepository repository, List<ExperimentKind> kinds, AccountService accounts, ObjectMapper mapper,
                      RateLimits rates) {
        this.repository = repository;
        this.rates = rates;
        this.kinds = new TreeMap<>();
        kinds.forEach(k -> this.kinds.put(k.id(), k));
        this.accounts = accounts;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
    }

    /** The signed-in account's name, or null: experiments saved while signed in belong to the account. */
    private String ownerName() {
        return accounts.current().map(AccountRef::username).orElse(null);
    }

    /** Whether the visitor is signed in (their list is their account's, not their browser's). */
    public boolean signedIn() {
        return ownerName() != null;
    }

    /**
     * What a page or an API client asks to save. {@code parentId} is the experiment it was forked from, or null;
     * {@code images} are image files the request names by hash, stored once each (they may be there already).
     */
    public record Draft(String title, String description, String kind, JsonNode request, JsonNode view, String parentId,
                        List<byte[]> images) {

        public Draft(String title, String description, String kind, JsonNode request, JsonNode view, String parentId) {
            this(title, description, kind, request, view, parentId, List.of());
        }
    }

    /** A deleted experiment asked for by id: the pages show a notice, the API a 404. */
    public static class RemovedException extends NotFoundException {
        public RemovedException(String id) {
            super("experiment " + id + " was removed by its owner");
        }
    }

    /** Saves for the signed-in account, or for the browser whose key is given (may be null: nobody can delete it). */
    @Transactional
    public Experiment save(Draft draft, String browserKey) {
        String ownerName = ownerName();
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            throw new BadRequestException("title is required", "error.experiment.noTitle");
        }
        if (title.length() > Experiment.MAX_TITLE) {
            throw new BadRequestException("title has " + title.length() + " characters; the limit is " + Experiment.MAX_TITLE,
                    "error.experiment.title", title.length(), Experiment.MAX_TITLE);
        }
        String description = draft.description() == null ? "" : draft.description().strip();
        if (description.length() > Experiment.MAX_DESCRIPTION) {
            throw new BadRequestException("description has " + description.length() + " characters; the limit is "
                    + Experiment.MAX_DESCRIPTION, "error.experiment.description", description.length(), Experiment.MAX_DESCRIPTION);
        }
        String kindId = draft.kind() == null ? "pipeline" : draft.kind();
        ExperimentKind kind = kinds.get(kindId);
        if (kind == null) {
            throw new BadRequestException("kind must be one of " + kinds.keySet() + ", got \"" + kindId + "\"");
        }
        if (draft.request() == null || draft.request().isNull()) {
            throw new BadRequestException("request is required: " + kind.requestDescription());
        }
        if (!draft.images().isEmpty() && !kind.keepsImages()) {
            throw new BadRequestException("images are saved only with kind " + kinds.values().stream().filter(ExperimentKind::keepsImages)
                    .map(k -> "\"" + k.id() + "\"").collect(Collectors.joining(" or ")) + "; a " + kindId + " experiment has none");
        }
        // an exception here rolls the transaction back, and with it any image file the kind stored
        kind.check(draft.request(), draft.images());
        if (draft.parentId() != null && !repository.existsById(draft.parentId())) {
            throw new BadRequestException("parent " + draft.parentId() + " is not a saved experiment");
        }
        ObjectNode body = mapper.createObjectNode();
        body.set("request", draft.request());
        if (draft.view() != null && !draft.view().isNull()) {
            body.set("view", draft.view());
        }
        String json = write(body);
        if (json.length() > Experiment.MAX_BODY) {
            throw new TooLargeException("the experiment's state has " + json.length() + " characters; the limit is "
                    + Experiment.MAX_BODY);
        }
        chargeQuota(ownerName, browserKey, (json + title + description).getBytes(StandardCharsets.UTF_8).length
                + draft.images().stream().mapToLong(b -> b.length).sum());
        Experiment e = new Experiment(ExperimentIds.next(), title, description, kindId, SCHEMA_VERSION, json,
                draft.parentId(), ownerName, browserKey == null ? null : hash(browserKey), Instant.now(clock));
        return repository.save(e);
    }

    /**
     * Saves per hour for everyone; for anonymous saves also their bytes per day, per browser and per address, so that
     * nobody can fill the database without an account. A refusal rolls back what this save stored.
     */
    private void chargeQuota(String ownerName, String browserKey, long bytes) {
        rates.take(RateLimits.Limit.SAVE, Clients.key());
        if (ownerName == null) {
            String address = Clients.address();
            rates.take(RateLimits.Limit.ANONYMOUS_ADDRESS_BYTES, address, bytes);
            if (browserKey != null && address != null) {
                rates.take(RateLimits.Limit.ANONYMOUS_BYTES, hash(browserKey), bytes);
            }
        }
    }

    /** Whether experiments of this kind can be saved here. */
    public boolean knows(String kind) {
        return kinds.containsKey(kind);
    }

    /** The kind of a saved experiment. */
    public ExperimentKind kind(Experiment e) {
        ExperimentKind kind = kinds.get(e.getKind());
        if (kind == null) {
            throw new IllegalStateException("experiment " + e.getId() + " has kind \"" + e.getKind() + "\", which no feature registers");
        }
        return kind;
    }

    /** The experiment, or NotFoundException (unknown) / RemovedException (deleted by its owner). */
    @Transactional(readOnly = true)
    public Experiment get(String id) {
        Experiment e = ExperimentIds.plausible(id) ? repository.findById(id).orElse(null) : null;
        if (e == null) {
            throw new NotFoundException("no experiment with id " + id);
        }
        if (e.isDeleted()) {
            throw new RemovedException(id);
        }
        return e;
    }

    /** The owner's experiments when signed in, else those saved from this browser; newest first. */
    @Transactional(readOnly = true)
    public List<Experiment> mine(String browserKey) {
        String ownerName = ownerName();
        if (ownerName != null) {
            return repository.findByOwnerNameAndDeletedAtIsNullOrderByCreatedAtDesc(ownerName);
        }
        if (browserKey != null) {
            return repository.findByBrowserHashAndDeletedAtIsNullOrderByCreatedAtDesc(hash(browserKey));
        }
        return List.of();
    }

    /** Whether this account or browser saved the experiment, and so may delete it. */
    public boolean owns(Experiment e, String browserKey) {
        String ownerName = ownerName();
        return ownerName != null && ownerName.equals(e.getOwnerName())
                || browserKey != null && hash(browserKey).equals(e.getBrowserHash());
    }

    /** Hides the experiment from its owner's list and its permalink; forks of it keep working. */
    @Transactional
    public void delete(String id, String browserKey) {
        Experiment e = get(id);
        if (!owns(e, browserKey)) {
            throw new NotOwnerException(id);
        }
        e.markDeleted(Instant.now(clock));
    }

    /** Deleting someone else's experiment (HTTP 403). */
    public static class NotOwnerException extends RuntimeException {
        public NotOwnerException(String id) {
            super("only the account or browser that saved experiment " + id + " can delete it");
        }
    }

    /** The stored state, {@code {"request": ..., "view": ...}}. */
    public JsonNode body(Experiment e) {
        try {
            return mapper.readTree(e.getBody());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("experiment " + e.getId() + " holds unreadable JSON", ex);
        }
    }

    /** The experiment as a self-describing JSON file: what GET /api/experiments/{id} returns and import reads. */
    public ObjectNode export(Experiment e, String url) {
        JsonNode body = body(e);
        ObjectNode o = mapper.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("version", e.getSchemaVersion());
        o.put("id", e.getId());
        if (url != null) {
            o.put("url", url);
        }
        o.put("title", e.getTitle());
        o.put("description", e.getDescription());
        o.put("kind", e.getKind());
        o.set("request", body.get("request"));
        if (body.has("view")) {
            o.set("view", body.get("view"));
        }
        Map<String, byte[]> files = kind(e).files(body.get("request"));
        if (!files.isEmpty()) {
            // the files travel with the export, so that it opens on another server or after this one is gone
            ObjectNode images = o.putObject("images");
            files.forEach((sha, file) -> images.put(sha, Base64.getEncoder().encodeToString(file)));
        }
        if (e.getParentId() != null) {
            o.put("parent", e.getParentId());
        } else {
            o.putNull("parent");
        }
        o.put("createdAt", e.getCreatedAt().toString());
        return o;
    }

    /** Reads an exported file or an API body into a draft; a file from a newer version is refused, older ones upgraded. */
    public Draft read(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new BadRequestException("the body must be a JSON object with \"title\" and \"request\"");
        }
        if (o.has("schema") && !SCHEMA.equals(o.get("schema").asText())) {
            throw new BadRequestException("schema is \"" + o.get("schema").asText() + "\", expected \"" + SCHEMA + "\"");
        }
        if (o.has("version")) {
            if (!o.get("version").canConvertToInt()) {
                throw new BadRequestException("version must be a whole number");
            }
            int v = o.get("version").asInt();
            if (v > SCHEMA_VERSION || v < 1) {
                throw new BadRequestException("version " + v + " is not known here (this server reads versions 1 to "
                        + SCHEMA_VERSION + ")");
            }
        }
        String parent = o.hasNonNull("parent") ? o.get("parent").asText() : null;
        return new Draft(text(o, "title"), text(o, "description"), text(o, "kind"), o.get("request"), o.get("view"), parent,
                images(o.get("images")));
    }

    /** {@code {"<sha256>": "<base64 of the file>"}}: each file must have the hash it is listed under. */
    private static List<byte[]> images(JsonNode images) {
        if (images == null || images.isNull()) {
            return List.of();
        }
        if (!images.isObject()) {
            throw new BadRequestException("images must be an object {\"<sha256>\": \"<base64 of the file>\"}");
        }
        List<byte[]> files = new ArrayList<>();
        for (var entry : images.properties()) {
            String field = "images[\"" + entry.getKey() + "\"]";
            if (!entry.getValue().isTextual()) {
                throw new BadRequestException(field + " must be the file in base64");
            }
            String text = entry.getValue().textValue();
            if (text.length() > (Limits.MAX_IMAGE_BYTES / 3 + 1) * 4) {
                throw new TooLargeException(field + " is over the image limit of " + Limits.MAX_IMAGE_BYTES + " bytes");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(field + " is not base64: " + e.getMessage());
            }
            String sha = Hashes.sha256(bytes);
            if (!sha.equals(entry.getKey())) {
                throw new BadRequestException(field + ": the file's SHA-256 is " + sha + ", not the key it is listed under");
            }
            files.add(bytes);
        }
        return files;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequestException(field + " must be a string");
        }
        return n.textValue();
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String key) {
        return Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    }
}
