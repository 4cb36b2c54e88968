-- Version 1 of the consent to personal-data processing, a document of its own as 152-FZ requires since 1 September 2025.
INSERT INTO membership_consent_document (version, language, title, body, effective_from) VALUES
(1, 'ru', 'Согласие на обработку персональных данных',
'Я, заполняя анкету Клуба клиентов, свободно, своей волей и в своем интересе даю согласие оператору Клуба клиентов на обработку моих персональных данных: фамилии, имени, отчества, адреса электронной почты, номера телефона, даты рождения, региона и населенного пункта, почтового индекса отделения связи, сведений о моих интересах и предпочтительном языке общения.

Цель обработки: участие в Клубе клиентов — рассмотрение моих предложений, приглашения к опросам, фокус-группам и собраниям Клуба, ведение карты лояльности, направление мне сообщений по электронной почте.

Действия с данными: сбор, запись, систематизация, накопление, хранение, уточнение, извлечение, использование, обезличивание, блокирование, удаление и уничтожение, с использованием средств автоматизации и без них. Данные не передаются третьим лицам, кроме случаев, предусмотренных законом.

Согласие действует до достижения целей обработки или до его отзыва. Я могу отозвать согласие, направив письмо на адрес Клуба; после отзыва данные будут уничтожены в срок, установленный законом.',
DATE '2025-09-01'),
(1, 'en', 'Consent to the processing of personal data',
'By filling in the Client Club questionnaire I freely, of my own will and in my own interest, consent to the Client Club operator processing my personal data: last name, first name, patronymic, e-mail address, phone number, date of birth, region and town, the postcode of my post office, my interests and preferred language.

Purpose: taking part in the Client Club — reviewing my ideas, inviting me to surveys, focus groups and club meetings, keeping a loyalty card, and writing to me by e-mail.

Operations: collection, recording, systematisation, accumulation, storage, correction, retrieval, use, anonymisation, blocking, deletion and destruction, with and without automation. The data are not passed to third parties except where the law requires it.

The consent is valid until the purposes are achieved or until I withdraw it. I may withdraw it by writing to the club mailbox; the data will then be destroyed within the period the law sets.',
DATE '2025-09-01');
