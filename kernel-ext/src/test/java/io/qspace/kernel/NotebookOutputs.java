package io.qspace.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An executed notebook read back: its code cells and what they output, by MIME type. */
final class NotebookOutputs {

    final Path path;
    final List<JsonObject> cells = new ArrayList<>();

    NotebookOutputs(Path path) throws IOException {
        this.path = path;
        JsonObject nb = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if ("code".equals(c.getAsJsonObject().get("cell_type").getAsString())) cells.add(c.getAsJsonObject());
        }
    }

    static String text(JsonElement value) {
        if (value == null) return "";
        return value.isJsonArray()
                ? String.join("", value.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList())
                : value.getAsString();
    }

    static String source(JsonObject cell) {
        return text(cell.get("source"));
    }

    static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray outputs = cell.getAsJsonArray("outputs");
        if (outputs != null) outputs.forEach(o -> out.add(o.getAsJsonObject()));
        return out;
    }

    List<JsonObject> outputsOfType(String outputType) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject cell : cells) {
            for (JsonObject o : outputs(cell)) {
                if (outputType.equals(o.get("output_type").getAsString())) out.add(o);
            }
        }
        return out;
    }

    /** Every value of one MIME type in rich outputs (execute results and displays), in cell order. */
    List<String> data(String mime) {
        List<String> out = new ArrayList<>();
        for (JsonObject cell : cells) {
            for (JsonObject o : outputs(cell)) {
                if (o.has("data") && o.getAsJsonObject("data").has(mime)) out.add(text(o.getAsJsonObject("data").get(mime)));
            }
        }
        return out;
    }

    String stdout() {
        StringBuilder sb = new StringBuilder();
        for (JsonObject o : outputsOfType("stream")) sb.append(text(o.get("text")));
        return sb.toString();
    }

    /** The cell whose source contains the text. */
    JsonObject cell(String containing) {
        return cells.stream().filter(c -> source(c).contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError(path.getFileName() + " has no cell containing '" + containing + "'"));
    }

    /** The rich data of the result of that cell. */
    static JsonObject resultData(JsonObject cell) {
        for (JsonObject o : outputs(cell)) {
            if ("execute_result".equals(o.get("output_type").getAsString())) return o.getAsJsonObject("data");
        }
        throw new AssertionError("cell has no result: " + source(cell) + "\noutputs: " + outputs(cell));
    }
}
