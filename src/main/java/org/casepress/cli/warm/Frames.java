package org.casepress.cli.warm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format between {@link WarmClient} and {@link WarmServer}, one connection per command.
 * The client sends one {@link Request}; the server answers with frames: a tag byte, then for {@link
 * #OUT} and {@link #ERR} a length and that many bytes, for {@link #EXIT} the exit code, for {@link
 * #REFUSED} a reason (the client then runs the command itself), for {@link #OUT_OF_MEMORY} what to
 * tell the user (the process ran out of heap and is stopping; the client runs the command itself).
 * Only JDK classes, so that the client loads almost nothing; written as {@link Rendezvous} says.
 */
final class Frames {
  static final int VERSION = 2;
  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte REFUSED = 4;
  static final byte OUT_OF_MEMORY = 5;

  /** Longest string either side accepts: a command line is far shorter. */
  private static final int MAX_STRING = 1 << 20;

  private Frames() {}

  /**
   * One command to run: the server's identity the client expects, the folder it was run in, the
   * charsets its standard output and error use, the environment variables it forwards, the args.
   */
  record Request(
      String identity,
      String cwd,
      String stdoutCharset,
      String stderrCharset,
      Map<String, String> env,
      List<String> args) {

    void writeTo(DataOutputStream out) throws IOException {
      out.writeInt(VERSION);
      writeString(out, identity);
      writeString(out, cwd);
      writeString(out, stdoutCharset);
      writeString(out, stderrCharset);
      out.writeInt(env.size());
      for (Map.Entry<String, String> e : env.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      out.writeInt(args.size());
      for (String a : args) {
        writeString(out, a);
      }
      out.flush();
    }

    static Request readFrom(DataInputStream in) throws IOException {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(
            "warm protocol version "
                .concat(Integer.toString(version))
                .concat(", expected ")
                .concat(Integer.toString(VERSION)));
      }
      String identity = readString(in);
      String cwd = readString(in);
      String stdoutCharset = readString(in);
      String stderrCharset = readString(in);
      int variables = count(in);
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < variables; i++) {
        env.put(readString(in), readString(in));
      }
      int n = count(in);
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(readString(in));
      }
      return new Request(identity, cwd, stdoutCharset, stderrCharset, Map.copyOf(env), args);
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING) {
      throw new IOException("warm protocol: a string of ".concat(Integer.toString(length)));
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("warm protocol: a list of ".concat(Integer.toString(n)));
    }
    return n;
  }

  /**
   * The server's side of one connection: standard output and error as tagged frames, then the exit
   * code. Both streams write through here, so frames never interleave.
   */
  static final class Sink {
    private final DataOutputStream out;

    Sink(OutputStream out) {
      this.out = new DataOutputStream(out);
    }

    /** A stream whose every write becomes one frame with this tag. */
    OutputStream stream(byte tag) {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (len > 0) {
            frame(tag, b, off, len);
          }
        }
      };
    }

    private synchronized void frame(byte tag, byte[] b, int off, int len) throws IOException {
      out.writeByte(tag);
      out.writeInt(len);
      out.write(b, off, len);
      out.flush();
    }

    synchronized void exit(int code) throws IOException {
      out.writeByte(EXIT);
      out.writeInt(code);
      out.flush();
    }

    synchronized void refuse(String reason) throws IOException {
      out.writeByte(REFUSED);
      writeString(out, reason);
      out.flush();
    }

    synchronized void outOfMemory(String message) throws IOException {
      out.writeByte(OUT_OF_MEMORY);
      writeString(out, message);
      out.flush();
    }
  }
}
