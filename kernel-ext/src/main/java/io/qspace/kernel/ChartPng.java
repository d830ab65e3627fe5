package io.qspace.kernel;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** An XChart chart as PNG bytes; Jupyter wants image/png as base64 text. */
public final class ChartPng {

    public byte[] render(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode chart as PNG", e);
        }
    }

    public String renderBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(render(chart));
    }
}
