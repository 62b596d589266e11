/** The Asylex engine core: pure Java, no I/O, no framework, no static state. */
package org.asylex.engine;
