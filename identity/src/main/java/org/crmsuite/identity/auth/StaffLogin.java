package org.crmsuite.identity.auth;

import java.util.List;

import org.crmsuite.identity.directory.Directory;
import org.crmsuite.identity.directory.Person;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Checks the login form against the directory. Someone who has LEFT (or has no password yet) is treated like an
 * unknown username, so the login page says "bad credentials" and reveals nothing about the account.
 */
final class StaffLogin implements UserDetailsService {

    private final Directory directory;

    StaffLogin(Directory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Person person = directory.findByUsername(username).filter(Person::canLogIn)
                .orElseThrow(() -> new UsernameNotFoundException("no active staff member with this username"));
        List<SimpleGrantedAuthority> authorities = person.getRoles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new StaffUser(person.getId(), person.getUsername(), person.getPasswordHash(), authorities);
    }
}
