/** Locating verbatim quotes in the text extractions of source documents. */
package org.asylex.engine.source;
