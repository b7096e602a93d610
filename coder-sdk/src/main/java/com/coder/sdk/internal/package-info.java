/**
 * The SDK's plumbing: URL building, the call pipeline, JSON configuration, the authentication
 * interceptor and error mapping. Not part of the API: anything here may change in any release.
 */
@NullMarked
package com.coder.sdk.internal;

import org.jspecify.annotations.NullMarked;
