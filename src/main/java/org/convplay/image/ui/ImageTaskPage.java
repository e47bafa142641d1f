package org.convplay.image.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.convplay.exercise.ui.TaskBar;

/** The images page as a practical's task bar sees it: its saved-experiment state and the picture's size. */
final class ImageTaskPage implements TaskBar.Page {

    private final ImageView view;

    ImageTaskPage(ImageView view) {
        this.view = view;
    }

    @Override
    public String kind() {
        return "images";
    }

    @Override
    public ObjectNode state() {
        return view.toJson();
    }

    @Override
    public void describe(ObjectNode answer) {
        // from the decoded file on the server, so an uploaded picture is graded on its real size
        answer.putObject("picture").put("channels", view.image().layout().colourChannels()).put("height", view.image().height())
                .put("width", view.image().width());
    }

    @Override
    public List<byte[]> images() {
        return List.of(view.imageBytes());
    }
}
