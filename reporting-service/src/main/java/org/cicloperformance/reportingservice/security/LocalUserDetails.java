package org.cicloperformance.reportingservice.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user of the embedded default, defined in configuration, carrying its actor. */
record LocalUserDetails(Actor actor, String password) implements UserDetails {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	static List<LocalUserDetails> of(SecuritySettings settings) {
		return settings.localUsers().stream().map(u -> new LocalUserDetails(u.actor(), u.password())).toList();
	}
}
