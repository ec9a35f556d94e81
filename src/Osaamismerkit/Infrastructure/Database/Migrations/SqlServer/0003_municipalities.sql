-- The 14 municipalities of the wellbeing services county of North Karelia (Statistics Finland codes).
-- N'' literals keep ä and ö whatever the database collation.
INSERT INTO municipalities (code, name_fi, name_sv) VALUES
    ('090', N'Heinävesi', N'Heinävesi'),
    ('141', N'Juuka', N'Juga'),
    ('146', N'Ilomantsi', N'Ilomants'),
    ('167', N'Joensuu', N'Joensuu'),
    ('260', N'Kitee', N'Kides'),
    ('276', N'Kontiolahti', N'Kontiolax'),
    ('309', N'Outokumpu', N'Outokumpu'),
    ('422', N'Lieksa', N'Lieksa'),
    ('426', N'Liperi', N'Libelits'),
    ('541', N'Nurmes', N'Nurmes'),
    ('607', N'Polvijärvi', N'Polvijärvi'),
    ('707', N'Rääkkylä', N'Rääkkylä'),
    ('848', N'Tohmajärvi', N'Tohmajärvi'),
    ('911', N'Valtimo', N'Valtimo');
