-- The 14 municipalities of the wellbeing services county of North Karelia (Statistics Finland codes).
INSERT INTO municipalities (code, name_fi, name_sv) VALUES
    ('090', 'Heinävesi', 'Heinävesi'),
    ('141', 'Juuka', 'Juga'),
    ('146', 'Ilomantsi', 'Ilomants'),
    ('167', 'Joensuu', 'Joensuu'),
    ('260', 'Kitee', 'Kides'),
    ('276', 'Kontiolahti', 'Kontiolax'),
    ('309', 'Outokumpu', 'Outokumpu'),
    ('422', 'Lieksa', 'Lieksa'),
    ('426', 'Liperi', 'Libelits'),
    ('541', 'Nurmes', 'Nurmes'),
    ('607', 'Polvijärvi', 'Polvijärvi'),
    ('707', 'Rääkkylä', 'Rääkkylä'),
    ('848', 'Tohmajärvi', 'Tohmajärvi'),
    ('911', 'Valtimo', 'Valtimo');
