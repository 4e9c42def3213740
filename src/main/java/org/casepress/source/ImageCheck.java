package org.casepress.source;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image the way the PDF renderer will, before the renderer sees it. The renderer drops
 * an image it cannot decode without a word, and holds every pixel of one it can in memory, so a
 * damaged file vanishes from the PDF and a small file of huge dimensions exhausts memory. Reading
 * the dimensions first and decoding only a subsample keeps this check itself small.
 */
public final class ImageCheck {
  /** Decoding every n-th pixel in each direction keeps the decoded sample near this size. */
  private static final long SAMPLE_PIXELS = 1_000_000L;

  private ImageCheck() {}

  /**
   * What the check found.
   *
   * @param format "png", "jpeg" or "gif"
   * @param width pixels, 0 when unknown
   * @param height pixels, 0 when unknown
   * @param damage what is wrong with the file, or null when it decodes
   * @param tooLarge whether it is over {@link Limits#IMAGE_PIXELS} or {@link Limits#IMAGE_BYTES}
   */
  public record Verdict(String format, int width, int height, String damage, boolean tooLarge) {
    public boolean ok() {
      return damage == null && !tooLarge;
    }

    /** The problem as the end of a sentence about the image, e.g. "is damaged: ...". */
    public String reason() {
      if (damage != null) {
        return "is damaged (" + damage + "); export it again from the program that made it";
      }
      if (width == 0) {
        return "is larger than "
            + Limits.IMAGE_BYTES / (1024 * 1024)
            + " MB (the image file limit); save it at a smaller size or as JPEG";
      }
      return "has "
          + String.format(Locale.ROOT, "%,d x %,d", width, height)
          + " pixels, more than the "
          + Limits.IMAGE_PIXELS / 1_000_000
          + " million casepress puts in a PDF (the image size limit); scale it down, e.g. to at"
          + " most 5000 pixels on its longer side";
    }
  }

  /** Verifies a file that {@link ImagePath#rasterFormat} recognised as {@code format}. */
  public static Verdict verify(Path file, String format) {
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      return new Verdict(format, 0, 0, "it cannot be read", false);
    }
    if (bytes > Limits.IMAGE_BYTES) {
      return new Verdict(format, 0, 0, null, true);
    }
    if (format.equals("png")) {
      String damage = pngChunks(file);
      if (damage != null) {
        return new Verdict(format, 0, 0, damage, false);
      }
    }
    return decode(file, format);
  }

  /**
   * Walks the chunks of a PNG file and checks each one's CRC, which the Java decoder skips: a
   * truncated, corrupted or header-only file is named here instead of decoding to nothing.
   */
  static String pngChunks(Path file) {
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      in.skipNBytes(8);
      boolean header = false;
      boolean data = false;
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[64 * 1024];
      while (true) {
        long length = Integer.toUnsignedLong(in.readInt());
        byte[] type = in.readNBytes(4);
        if (type.length < 4) {
          return "the file ends in the middle of a chunk: it is truncated";
        }
        String name = new String(type, StandardCharsets.ISO_8859_1);
        if (!header && !name.equals("IHDR")) {
          return "it does not start with a PNG header";
        }
        header = true;
        data |= name.equals("IDAT");
        crc.reset();
        crc.update(type);
        for (long left = length; left > 0; ) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            return "the file ends inside its " + name + " chunk: it is truncated";
          }
          crc.update(buffer, 0, n);
          left -= n;
        }
        if (Integer.toUnsignedLong(in.readInt()) != crc.getValue()) {
          return "the checksum of its " + name + " chunk is wrong: the file is corrupt";
        }
        if (name.equals("IEND")) {
          return data ? null : "it has a header but no image data";
        }
      }
    } catch (EOFException e) {
      return "the file ends before its last chunk: it is truncated";
    } catch (IOException e) {
      return "it cannot be read";
    }
  }

  private static Verdict decode(Path file, String format) {
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return new Verdict(format, 0, 0, "no decoder recognises it as " + format, false);
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
      reader.addIIOReadWarningListener(listener);
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
        if (width <= 0 || height <= 0) {
          return new Verdict(format, width, height, "it has no pixels", false);
        }
        if (pixels > Limits.IMAGE_PIXELS) {
          return new Verdict(format, width, height, null, true);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / SAMPLE_PIXELS)));
        param.setSourceSubsampling(step, step, 0, 0);
        reader.read(0, param);
        if (!warnings.isEmpty()) {
          return new Verdict(format, width, height, warnings.get(0), false);
        }
        return new Verdict(format, width, height, null, false);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Verdict(format, 0, 0, "it cannot be decoded: " + why, false);
    }
  }
}
