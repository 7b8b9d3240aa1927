/**
 * What an application plugs into the runtime's security: how users are authenticated ({@link
 * dev.relive.api.security.Authenticator}) and where browser sessions are kept ({@link
 * dev.relive.api.security.SessionStore}). The runtime brings a default of each; a service of higher ranking
 * replaces it.
 */
@Export
@Version("1.0.0")
package dev.relive.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
