/** Dates as the sources give them: sometimes only to the month or the year. */
package org.asylex.engine.time;
