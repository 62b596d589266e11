package org.asylex.store;

/**
 * How the store's connection pool is used at one moment, for monitoring (HikariCP's own figures).
 *
 * @param pool the pool's name, {@code asylex-sqlite} or {@code asylex-postgresql}
 * @param active connections lent out now
 * @param idle connections waiting in the pool
 * @param total connections open ({@code active + idle})
 * @param pending threads waiting for a connection
 * @param max the most connections the pool opens
 */
public record PoolUse(String pool, int active, int idle, int total, int pending, int max) {}
