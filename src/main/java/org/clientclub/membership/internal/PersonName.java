package org.clientclub.membership.internal;

/** How the club writes a person's name: first name, patronymic when given, last name. */
final class PersonName {

    private PersonName() {}

    static String full(String firstName, String patronymic, String lastName) {
        return patronymic == null ? firstName + " " + lastName : firstName + " " + patronymic + " " + lastName;
    }
}
