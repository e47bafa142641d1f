package org.convplay.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a feature says about the experiments its page saves, so that this package names no feature: each feature
 * registers its kinds as Spring beans, and saving, exporting and embedding ask the kind.
 */
public interface ExperimentKind {

    /** The name saved with the experiment ({@code "playground"}, {@code "images"}, ...). */
    String id();

    /** What {@code request} holds, for the message when it is missing. */
    String requestDescription();

    /**
     * Checks a request before it is saved, with the files sent along with it (empty unless {@link #keepsImages()});
     * a refusal is a {@code BadRequestException} naming the field.
     */
    void check(JsonNode request, List<byte[]> images);

    /** Whether experiments of this kind carry image files. */
    default boolean keepsImages() {
        return false;
    }

    /** The files an export carries beside the request, by SHA-256, so that it opens on another server. */
    default Map<String, byte[]> files(JsonNode request) {
        return Map.of();
    }

    /** The compact embed page's content, plain HTML without scripts. */
    Embed embed(JsonNode request);

    /** The figures side by side, and a line under them saying what made them. */
    record Embed(String figures, String footer) {
    }
}
