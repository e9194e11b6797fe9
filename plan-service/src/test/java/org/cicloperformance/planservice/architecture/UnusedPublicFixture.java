package org.cicloperformance.planservice.architecture;

/** A public type that no other package uses: the fixture of the package-private rule. */
public final class UnusedPublicFixture {
}
