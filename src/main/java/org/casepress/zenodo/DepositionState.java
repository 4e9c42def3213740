package org.casepress.zenodo;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code state} of a deposition: never published, published with open edits, or published. */
public enum DepositionState {
  @JsonProperty("unsubmitted")
  UNSUBMITTED,
  @JsonProperty("inprogress")
  INPROGRESS,
  @JsonProperty("done")
  DONE,
  /** A value this client does not know (the old server also had {@code error}). */
  @JsonEnumDefaultValue
  UNKNOWN
}
