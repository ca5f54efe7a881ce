/**
 * A durable {@code TaskRepository} in the app's own database, shared by several instances of the app:
 * {@link dev.gempix2.repository.jdbc.JdbcTaskRepository}.
 */
package dev.gempix2.repository.jdbc;
