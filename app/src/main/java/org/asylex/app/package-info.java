/**
 * The application layer: every use case of Asylex once, for every front end. The command line, the
 * HTTP API and the web UI parse their input, call one use case and render its result; they never
 * compile packs, check case input, build receipts or talk to the store's ports themselves (an
 * ArchUnit rule in the command line's tests keeps it so). Results are data; refusals are {@link
 * org.asylex.app.Refusal}s, worded once.
 */
package org.asylex.app;
