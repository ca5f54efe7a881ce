/** How {@code JdbcTaskRepository} works inside: SQL, row mapping, JSON columns, the push. Not API. */
package dev.gempix2.repository.jdbc.internal;
