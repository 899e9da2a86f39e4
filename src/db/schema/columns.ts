import type { ColumnType } from 'kysely';

/** Column kinds every table shares: timestamps the database sets, JSON text, money in minor units. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
export type Minor = ColumnType<number, number, number>;
