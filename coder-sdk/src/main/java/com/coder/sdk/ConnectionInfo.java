package com.coder.sdk;

import com.coder.sdk.model.BuildInfo;
import com.coder.sdk.model.User;
import java.net.URI;

/**
 * The result of {@link CoderClient#checkConnection()}: the server answered and the token works.
 *
 * @param baseUrl the deployment URL the client talks to
 * @param buildInfo the server's version
 * @param user the user the token belongs to
 */
public record ConnectionInfo(URI baseUrl, BuildInfo buildInfo, User user) {}
