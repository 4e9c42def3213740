package org.casepress.render;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * {@link PDDocument#save(OutputStream, CompressParameters)} without object streams, in time linear
 * in the number of objects. PDFBox 3.0's writer keeps the objects still to write in an {@link
 * ArrayDeque} and asks it {@code contains} before queueing each object it meets, a scan of the
 * whole queue: for the structure tree of a tagged document (thousands of elements, most queued at
 * once from the parent tree) that is quadratic, a tenth of the final render of a 24-page document.
 * The same queue with a count of its members beside it answers in constant time and hands out the
 * objects in the same order, so the bytes are the same.
 *
 * <p>The queue is a private field of the writer: when a PDFBox release renames it, the document is
 * saved the ordinary way (slower, the same bytes), and {@code PdfSaveTest} fails so that the
 * upgrade is looked at.
 */
final class PdfSave {
  private static final Field QUEUE = accessible("objectsToWrite");
  private static final Method SUBSET = subsetter();

  private PdfSave() {}

  /** Whether saving takes the linear path (PDFBox still has the members it reaches into). */
  static boolean linear() {
    return QUEUE != null && SUBSET != null;
  }

  static void save(PDDocument document, OutputStream out) throws IOException {
    if (!linear()) {
      document.save(out, CompressParameters.NO_COMPRESSION);
      return;
    }
    // What PDDocument.save does before it writes: a cross-reference table, fonts subset.
    document.getDocument().setIsXRefStream(false);
    try {
      SUBSET.invoke(document);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("PDFBox refused to subset the fonts", e);
    }
    COSWriter writer = new COSWriter(out, CompressParameters.NO_COMPRESSION);
    try {
      QUEUE.set(writer, new CountedQueue());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // made accessible in accessible()
    }
    writer.write(document);
  }

  private static Field accessible(String name) {
    try {
      Field f = COSWriter.class.getDeclaredField(name);
      f.setAccessible(true);
      return f.getType().isAssignableFrom(CountedQueue.class) ? f : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method subsetter() {
    try {
      Method m = PDDocument.class.getDeclaredMethod("subsetDesignatedFonts");
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A queue that knows in constant time whether it holds an object (by {@code equals}, as {@link
   * ArrayDeque#contains} does). Only ArrayDeque's four primitives add and take, every other
   * insertion and removal goes through them; removal from the middle, which the writer never does,
   * is refused rather than miscounted.
   */
  static final class CountedQueue extends ArrayDeque<COSBase> {
    private final Map<COSBase, Integer> members = new HashMap<>();

    @Override
    public void addLast(COSBase o) {
      super.addLast(o);
      members.merge(o, 1, Integer::sum);
    }

    @Override
    public void addFirst(COSBase o) {
      super.addFirst(o);
      members.merge(o, 1, Integer::sum);
    }

    @Override
    public COSBase pollFirst() {
      return forget(super.pollFirst());
    }

    @Override
    public COSBase pollLast() {
      return forget(super.pollLast());
    }

    @Override
    public boolean contains(Object o) {
      return members.containsKey(o);
    }

    @Override
    public void clear() {
      super.clear();
      members.clear();
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeIf(java.util.function.Predicate<? super COSBase> filter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(java.util.Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(java.util.Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    private COSBase forget(COSBase o) {
      if (o != null) {
        members.computeIfPresent(o, (k, n) -> n == 1 ? null : n - 1);
      }
      return o;
    }
  }
}
