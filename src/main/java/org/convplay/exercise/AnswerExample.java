package org.convplay.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The format of an answer when the file gives no example: zeros in every part, an empty choice. */
final class AnswerExample {

    private AnswerExample() {
    }

    static JsonNode of(List<AnswerPart> parts) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        for (AnswerPart p : parts) {
            switch (p.type()) {
                case INTEGER -> o.put(p.name(), 0);
                case DECIMAL -> o.put(p.name(), 0.0);
                case SHAPE -> {
                    ArrayNode a = o.putArray(p.name());
                    for (int i = 0; i < p.dims(); i++) {
                        a.add(0);
                    }
                }
                case MATRIX -> o.putArray(p.name()).addArray().add(0);
                case CHOICE -> o.put(p.name(), "");
            }
        }
        return o;
    }
}
