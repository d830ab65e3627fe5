package io.qspace.kernel;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

class ChartPngTest {

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(320).height(240).title("observed vs predicted").build();
        chart.addSeries("test", new double[]{1, 2, 3}, new double[]{1.1, 1.9, 3.2});
        return chart;
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void producesAPngOfTheChartsSize() throws Exception {
        byte[] png = new ChartPng().render(chart());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
    }

    @Test
    void base64DecodesToThePng() {
        String text = new ChartPng().renderBase64(chart());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Base64.getDecoder().decode(text), 8));
        assertFalse(text.contains("\n"), "Jupyter wants one base64 string");
    }
}
