package org.clientclub.membership.internal.questionnaire;

/** How the club writes a person's name: first name, patronymic when given, last name. */
public final class PersonName {

    private PersonName() {}

    public static String full(String firstName, String patronymic, String lastName) {
        return patronymic == null ? firstName + " " + lastName : firstName + " " + patronymic + " " + lastName;
    }
}
