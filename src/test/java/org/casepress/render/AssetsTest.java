package org.casepress.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer's own fence, behind the HTML checks: what it may read, and that it never connects.
 */
class AssetsTest {
  @TempDir Path root;

  @Test
  void onlyRasterImagesInsideTheFolderAreRead() throws Exception {
    Path folder = Files.createDirectories(root.resolve("study"));
    Path png =
        Files.copy(
            Fixtures.WORKSPACE.resolve("case-studies/river-sensors/figures/flow-chart.png"),
            folder.resolve("a.png"));
    Path outside = Files.copy(png, root.resolve("outside.png"));
    Files.writeString(folder.resolve("fake.png"), "not an image");
    Assets assets = new Assets(folder);

    assertTrue(assets.image("a.png").allowed());
    assertTrue(assets.image("./a.png?x=1").allowed());
    assertEquals("the file does not exist", assets.image("b.png").refusal());
    assertEquals("it is not a PNG, JPEG or GIF image", assets.image("fake.png").refusal());
    assertFalse(assets.image("../outside.png").allowed());
    assertFalse(assets.image("a%2F..%2F..%2Foutside.png").allowed());
    assertFalse(assets.image("https://example.org/a.png").allowed());
    assertFalse(assets.image("data:image/png;base64,AAAA").allowed());

    assertTrue(
        assets.mayRead(png.toRealPath().toUri().toString(), ExternalResourceType.IMAGE_RASTER));
    assertFalse(assets.mayRead(outside.toUri().toString(), ExternalResourceType.IMAGE_RASTER));
    assertFalse(assets.mayRead("http://127.0.0.1:9/a.png", ExternalResourceType.IMAGE_RASTER));
    assertFalse(
        assets.mayRead(png.toRealPath().toUri().toString(), ExternalResourceType.CSS),
        "no style sheets at all");
    assertFalse(assets.mayRead("file:///etc/passwd", ExternalResourceType.XML_SVG));
    assertEquals(4, assets.refusedAtRender().size());

    assertNull(assets.noNetwork().getUrl("http://127.0.0.1:9/").getStream());
    assertEquals(5, assets.refusedAtRender().size());
  }
}
