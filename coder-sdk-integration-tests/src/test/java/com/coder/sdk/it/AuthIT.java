package com.coder.sdk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coder.sdk.CoderClient;
import com.coder.sdk.UnauthorizedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TargetExtension.class)
class AuthIT {
  private static final String SIGNED_OUT =
      "You are signed out or your session has expired. Please sign in again to continue.";

  @Test
  void clientWithoutTokenIsRefused(Target target) {
    try (CoderClient anonymous = CoderClient.builder().baseUrl(target.url()).build()) {
      assertThatThrownBy(() -> anonymous.organizations().list())
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.serverMessage()).isEqualTo(SIGNED_OUT);
                assertThat(e.detail())
                    .isEqualTo(
                        "Cookie \"coder_session_token\" or query parameter must be provided.");
              });
    }
  }

  @Test
  void unknownTokenIsRefused(Target target) {
    try (CoderClient stranger =
        CoderClient.builder()
            .baseUrl(target.url())
            .sessionToken("AAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBBB")
            .build()) {
      assertThatThrownBy(() -> stranger.organizations().get("default"))
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> {
                assertThat(e.serverMessage()).isEqualTo(SIGNED_OUT);
                assertThat(e.detail()).isEqualTo("API key is invalid.");
                assertThat(e.getMessage()).doesNotContain("BBBBBBBBBBBBBBBBBBBBBB");
              });
    }
  }

  @Test
  void wrongSecretOfAKnownKeyIsRefused(Target target) {
    String wrongSecret = target.token().substring(0, 11) + "x".repeat(22);
    Http.Answer answer =
        target
            .http()
            .send("GET", "/api/v2/organizations", null, "Coder-Session-Token", wrongSecret);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.message()).isEqualTo(SIGNED_OUT);
    assertThat(answer.detail()).isEqualTo("API key secret is invalid.");
  }

  @Test
  void malformedTokenNamesTheProblem(Target target) {
    Http.Answer parts =
        target.http().send("GET", "/api/v2/organizations", null, "Coder-Session-Token", "abc");
    Http.Answer idLength =
        target.http().send("GET", "/api/v2/organizations", null, "Coder-Session-Token", "abc-def");

    assertThat(parts.status()).isEqualTo(401);
    assertThat(parts.detail())
        .isEqualTo("Invalid API key format: incorrect amount of API key parts, expected 2 got 1");
    assertThat(idLength.detail())
        .isEqualTo("Invalid API key format: invalid API key ID length, expected 10 got 3");
  }

  @Test
  void bearerTokenAndCookieAreAccepted(Target target) {
    Http.Answer bearer =
        target
            .http()
            .send(
                "GET",
                "/api/v2/organizations/default",
                null,
                "Authorization",
                "bearer " + target.token());
    Http.Answer cookie =
        target
            .http()
            .send(
                "GET",
                "/api/v2/organizations/default",
                null,
                "Cookie",
                "theme=dark; coder_session_token=" + target.token());

    assertThat(bearer.status()).isEqualTo(200);
    assertThat(bearer.json().path("is_default").asBoolean()).isTrue();
    assertThat(cookie.status()).isEqualTo(200);
  }

  @Test
  void unknownRouteIsNotFoundEvenWithoutToken(Target target) {
    Http.Answer answer = target.http().send("GET", "/api/v2/no-such-route", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.message()).isEqualTo("Route not found.");
    assertThat(answer.headers().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(answer.body()).endsWith("}\n");
  }
}
