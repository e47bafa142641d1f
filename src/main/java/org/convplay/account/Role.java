package org.convplay.account;

/** What an account may do in the classroom. Spring Security sees these as ROLE_TEACHER and ROLE_STUDENT. */
public enum Role {
    TEACHER, STUDENT
}
