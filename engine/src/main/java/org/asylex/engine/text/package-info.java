/** Texts in Dutch and English, and suggestions for misspelt names. */
package org.asylex.engine.text;
