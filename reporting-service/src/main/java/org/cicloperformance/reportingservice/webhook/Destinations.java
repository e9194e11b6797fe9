package org.cicloperformance.reportingservice.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cicloperformance.reportingservice.webhook.WebhookRefusedException.Refusal;

/**
 * Where a webhook may be sent. An absolute http or https URL with a host, no user information (credentials would
 * be listed and logged with it), no fragment, at most {@value #MAX_LENGTH} characters. Unless
 * {@code allow-private-addresses} is set, a host that resolves to a loopback, private, link-local (cloud metadata),
 * shared (100.64/10), unique-local, multicast or unspecified address is refused, at registration and again before
 * each attempt (a name may resolve elsewhere later): the service must not become a way to reach the internal
 * network (server-side request forgery).
 */
final class Destinations {

	static final int MAX_LENGTH = 2000;

	private final boolean allowPrivate;

	private final Resolver resolver;

	/** Name resolution, replaceable in tests. */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	Destinations(boolean allowPrivate) {
		this(allowPrivate, InetAddress::getAllByName);
	}

	Destinations(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/** The errors of a URL given at registration (pointer {@code /url}); empty when it is acceptable. */
	List<Refusal> check(String url) {
		List<Refusal> refusals = new ArrayList<>();
		if (url == null || url.isBlank()) {
			refusals.add(Refusal.of("/url", "required"));
			return refusals;
		}
		if (url.length() > MAX_LENGTH) {
			refusals.add(Refusal.of("/url", "url-too-long", MAX_LENGTH));
			return refusals;
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException e) {
			refusals.add(Refusal.of("/url", "url-malformed"));
			return refusals;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
			refusals.add(Refusal.of("/url", "url-scheme"));
		}
		else if (uri.getHost() == null || uri.getHost().isBlank()) {
			refusals.add(Refusal.of("/url", "url-malformed"));
		}
		else if (uri.getRawUserInfo() != null) {
			refusals.add(Refusal.of("/url", "url-credentials"));
		}
		else if (uri.getRawFragment() != null) {
			refusals.add(Refusal.of("/url", "url-fragment"));
		}
		else {
			String refused = refusedAddress(uri.getHost());
			if (refused != null) {
				refusals.add(Refusal.of("/url", refused));
			}
		}
		return refusals;
	}

	/**
	 * Why the host may not be reached now ({@code url-private}, {@code url-unresolvable}), or null. Nothing is
	 * resolved when private addresses are allowed.
	 */
	String refusedAddress(String host) {
		if (allowPrivate) {
			return null;
		}
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(bare);
		}
		catch (UnknownHostException | SecurityException e) {
			return "url-unresolvable";
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				return "url-private";
			}
		}
		return addresses.length == 0 ? "url-unresolvable" : null;
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (b.length == 4) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			// 0/8 "this network", 100.64/10 shared (carrier-grade NAT), 192.0.0/24 protocol assignments,
			// 198.18/15 benchmarking, 240/4 reserved and broadcast
			return first == 0 || (first == 100 && second >= 64 && second < 128)
					|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))
					|| first >= 240;
		}
		// fc00::/7 unique-local; an IPv4-mapped address is judged as its IPv4 one by the JDK already
		return (b[0] & 0xfe) == 0xfc;
	}
}
