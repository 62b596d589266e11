/**
 * Adapter for the one JSON form of Asylex: reads case facts ({@link org.asylex.json.CaseJson}) and
 * writes assessments and input errors ({@link org.asylex.json.AssessmentJson}), so that the command
 * line and the HTTP API render the same structure.
 */
package org.asylex.json;
