/** Named interface shared::db: the database infrastructure every module may use (embedded PostgreSQL for development, rate counters). */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("db")
package org.clientclub.shared.db;
