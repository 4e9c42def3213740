package org.casepress.render;

/**
 * Draft PDFs carry a watermark and show missing resources as placeholders; final PDFs have no
 * watermark and fail on anything missing, refused or not displayable.
 */
public enum RenderMode {
  DRAFT,
  FINAL
}
