/**
 * Impact of a policy change on a caseload: every case assessed at two points (two dates, two sets
 * of assumption values or two revisions of the packs), the transitions counted per element, and
 * each changed finding with what moved it and the sentences of the source behind it.
 */
package org.asylex.app.impact;
