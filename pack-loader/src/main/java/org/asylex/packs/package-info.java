/**
 * Adapter that reads policy pack directories (YAML and source texts) into the engine's model,
 * reporting every problem with file, line and column.
 */
package org.asylex.packs;
