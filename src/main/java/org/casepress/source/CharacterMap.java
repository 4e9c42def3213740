package org.casepress.source;

import java.util.Arrays;

/**
 * The code points a TrueType font has a glyph for, read from its cmap table alone. Parsing the
 * whole font with FontBox to ask the same question took about half of turning Markdown into HTML in
 * a cold render (BENCHMARKS.md); the cmap is a few kilobytes of the font. The subtable is the one
 * FontBox's {@code getUnicodeCmapLookup(false)} picks, formats 4 and 12 (all our fonts use), and
 * {@code CharacterMapTest} holds the answers to FontBox's for every code point. Immutable.
 */
final class CharacterMap {
  /** Covered code points as sorted, disjoint, inclusive ranges: start, end, start, end ... */
  private final int[] ranges;

  /**
   * Below {@link #LOW}, one bit per code point: asked for every character of every text a check or
   * render reads, the ranges' binary search was a tenth of building a document's HTML, and most
   * text is in the first scripts of the plane.
   */
  private static final int LOW = 0x1000;

  private final long[] low = new long[LOW / 64];

  private CharacterMap(int[] ranges) {
    this.ranges = ranges;
    for (int i = 0; i < ranges.length && ranges[i] < LOW; i += 2) {
      for (int cp = ranges[i], end = Math.min(ranges[i + 1], LOW - 1); cp <= end; cp++) {
        low[cp >>> 6] |= 1L << cp;
      }
    }
  }

  boolean covers(int codePoint) {
    if (codePoint >= 0 && codePoint < LOW) {
      return (low[codePoint >>> 6] & 1L << codePoint) != 0;
    }
    int lo = 0;
    int hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (codePoint < ranges[2 * mid]) {
        hi = mid - 1;
      } else if (codePoint > ranges[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the cmap of a TrueType font file.
   *
   * @throws IllegalArgumentException when the font has no Unicode cmap in format 4 or 12
   */
  static CharacterMap of(byte[] ttf) {
    Font font = new Font(ttf);
    int cmap = font.table("cmap");
    int subtables = font.u16(cmap + 2);
    // FontBox's order of preference: Unicode full, Windows full, Unicode BMP, Windows BMP.
    int[][] preferred = {{0, 4}, {3, 10}, {0, 3}, {3, 1}};
    for (int[] wanted : preferred) {
      for (int i = 0; i < subtables; i++) {
        int record = cmap + 4 + 8 * i;
        if (font.u16(record) == wanted[0] && font.u16(record + 2) == wanted[1]) {
          int at = cmap + (int) font.u32(record + 4);
          int format = font.u16(at);
          if (format == 4) {
            return new CharacterMap(font.format4(at));
          }
          if (format == 12) {
            return new CharacterMap(font.format12(at));
          }
        }
      }
    }
    throw new IllegalArgumentException("no Unicode cmap subtable in format 4 or 12");
  }

  /** Big-endian reads over the font file, and the two subtable formats. */
  private record Font(byte[] b) {
    int u16(int at) {
      return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    long u32(int at) {
      return ((long) u16(at) << 16) | u16(at + 2);
    }

    int table(String tag) {
      int tables = u16(4);
      for (int i = 0; i < tables; i++) {
        int entry = 12 + 16 * i;
        if (b[entry] == tag.charAt(0)
            && b[entry + 1] == tag.charAt(1)
            && b[entry + 2] == tag.charAt(2)
            && b[entry + 3] == tag.charAt(3)) {
          return (int) u32(entry + 8);
        }
      }
      throw new IllegalArgumentException("no " + tag + " table");
    }

    /** Segments of 16-bit code points, each glyph looked up as the format defines it. */
    int[] format4(int at) {
      int segments = u16(at + 6) / 2;
      int ends = at + 14;
      int starts = ends + 2 * segments + 2;
      int deltas = starts + 2 * segments;
      int offsets = deltas + 2 * segments;
      Ranges covered = new Ranges();
      for (int s = 0; s < segments; s++) {
        int start = u16(starts + 2 * s);
        int end = u16(ends + 2 * s);
        int delta = u16(deltas + 2 * s);
        int offsetAt = offsets + 2 * s;
        int offset = u16(offsetAt);
        for (int c = start; c <= end && c != 0xFFFF; c++) {
          int glyph;
          if (offset == 0) {
            glyph = (c + delta) & 0xFFFF;
          } else {
            glyph = u16(offsetAt + offset + 2 * (c - start));
            if (glyph != 0) {
              glyph = (glyph + delta) & 0xFFFF;
            }
          }
          if (glyph != 0) {
            covered.add(c);
          }
        }
      }
      return covered.toArray();
    }

    /** Groups of code points mapped to consecutive glyphs. */
    int[] format12(int at) {
      long groups = u32(at + 12);
      Ranges covered = new Ranges();
      for (long g = 0; g < groups; g++) {
        int group = at + 16 + (int) (12 * g);
        int start = (int) u32(group);
        int end = (int) u32(group + 4);
        long glyph = u32(group + 8);
        for (int c = start; c <= end && c <= Character.MAX_CODE_POINT; c++) {
          if (glyph + (c - start) != 0) {
            covered.add(c);
          }
        }
      }
      return covered.toArray();
    }
  }

  /** Code points added in any order, merged into sorted ranges. */
  private static final class Ranges {
    private int[] points = new int[1024];
    private int size;

    void add(int c) {
      if (size == points.length) {
        points = Arrays.copyOf(points, size * 2);
      }
      points[size++] = c;
    }

    int[] toArray() {
      int[] sorted = Arrays.copyOf(points, size);
      Arrays.sort(sorted);
      int[] out = new int[2 * size];
      int n = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (n > 0 && sorted[i] <= out[n - 1] + 1) {
          out[n - 1] = Math.max(out[n - 1], sorted[i]);
        } else {
          out[n++] = sorted[i];
          out[n++] = sorted[i];
        }
      }
      return Arrays.copyOf(out, n);
    }
  }
}
