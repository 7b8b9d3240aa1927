/** The Relive runtime: everything here is internal; views use {@code dev.relive.api}. */
package dev.relive.runtime;
