/** Problems found in a pack or an input, each with its position and what was expected. */
package org.asylex.engine.diagnostic;
