package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A screenshot is rewritten only when its pixels change beyond noise, not when its bytes do. */
class ScreenshotPixelsTest {
  private static byte[] png(BufferedImage image) throws Exception {
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static BufferedImage white(int w, int h) {
    var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, 0xffffff);
      }
    }
    return image;
  }

  @Test
  void noiseIsTheSamePageAndARealChangeIsNot() throws Exception {
    byte[] page = png(white(200, 100));

    BufferedImage faint = white(200, 100);
    for (int x = 0; x < 200; x++) {
      faint.setRGB(x, 50, 0xf0f0f0); // a whole row a few levels off: antialiasing noise
    }
    BufferedImage fewPixels = white(200, 100);
    fewPixels.setRGB(3, 3, 0x000000); // one pixel of 20 000
    BufferedImage word = white(200, 100);
    for (int x = 10; x < 60; x++) {
      for (int y = 10; y < 20; y++) {
        word.setRGB(x, y, 0x000000); // a word written in: 500 pixels
      }
    }

    assertThat(Chromium.samePixels(page, png(faint))).isTrue();
    assertThat(Chromium.samePixels(page, png(fewPixels))).isTrue();
    assertThat(Chromium.samePixels(page, png(word))).isFalse();
    assertThat(Chromium.samePixels(page, png(white(200, 101)))).isFalse();
  }
}
