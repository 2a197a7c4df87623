<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{label} must be text.</source>
      <comment>onboarding.label_text</comment>
      <translation>يجب أن يكون {label} نصًا.</translation>
    </message>
    <message>
      <source>{label} contains a character that cannot be stored.</source>
      <comment>onboarding.label_contains_character_stored</comment>
      <translation>يحتوي {label} على حرف لا يمكن حفظه.</translation>
    </message>
    <message>
      <source>{label} is required.</source>
      <comment>onboarding.label_required</comment>
      <translation>يجب إدخال {label}.</translation>
    </message>
    <message>
      <source>{label} can be at most {max_len} characters.</source>
      <comment>onboarding.label_most_max_len</comment>
      <translation>يمكن أن يحتوي {label} على {max_len} حرفًا كحد أقصى.</translation>
    </message>
    <message>
      <source>The hospital code</source>
      <comment>onboarding.label_hospital_code</comment>
      <translation>رمز المستشفى</translation>
    </message>
    <message>
      <source>The hospital code must be 2 to 20 letters, digits, '-' or '_', starting with a letter or digit (for example DXB01).</source>
      <comment>onboarding.hospital_code_letters_digits</comment>
      <translation>يجب أن يتكون رمز المستشفى من 2 إلى 20 من الأحرف أو الأرقام أو '-' أو '_'، ويبدأ بحرف أو رقم (مثال: DXB01).</translation>
    </message>
    <message>
      <source>The TRN must be typed as 15 digits.</source>
      <comment>onboarding.trn_typed_digits</comment>
      <translation>يجب كتابة رقم التسجيل الضريبي (TRN) على شكل 15 رقمًا.</translation>
    </message>
    <message>
      <source>The TRN (UAE tax registration number) must be exactly 15 digits, like 100384729600003.</source>
      <comment>onboarding.trn_uae_tax_registration</comment>
      <translation>يجب أن يتكون رقم التسجيل الضريبي (TRN) من 15 رقمًا بالضبط، مثل 100384729600003.</translation>
    </message>
    <message>
      <source>The time zone</source>
      <comment>onboarding.label_time_zone</comment>
      <translation>المنطقة الزمنية</translation>
    </message>
    <message>
      <source>{name} is not a time zone name; use an IANA name such as {example}.</source>
      <comment>onboarding.name_time_zone_name</comment>
      <translation>{name} ليس اسم منطقة زمنية؛ استخدم اسمًا من IANA مثل {example}.</translation>
    </message>
    <message>
      <source>Use a region/city time zone name such as {example}, not {name}.</source>
      <comment>onboarding.use_region_city_time</comment>
      <translation>استخدم اسم منطقة زمنية بصيغة منطقة/مدينة مثل {example}، وليس {name}.</translation>
    </message>
    <message>
      <source>The username</source>
      <comment>onboarding.label_username</comment>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>The username must be 3 to 80 lower-case letters, digits, '.', '-' or '_'.</source>
      <comment>onboarding.username_lower_case_letters</comment>
      <translation>يجب أن يتكون اسم المستخدم من 3 إلى 80 من الأحرف الإنجليزية الصغيرة أو الأرقام أو '.' أو '-' أو '_'.</translation>
    </message>
    <message>
      <source>Choose a password.</source>
      <comment>onboarding.choose_password</comment>
      <translation>اختر كلمة مرور.</translation>
    </message>
    <message>
      <source>The password contains a character that cannot be used.</source>
      <comment>onboarding.password_bad_character</comment>
      <translation>تحتوي كلمة المرور على حرف لا يمكن استخدامه.</translation>
    </message>
    <message>
      <source>Use at least {min} characters (this has {length}).</source>
      <comment>onboarding.password_short</comment>
      <translation>استخدم {min} حرفًا على الأقل (هذه تحتوي على {length}).</translation>
    </message>
    <message>
      <source>Use at least 5 different characters.</source>
      <comment>onboarding.password_few_characters</comment>
      <translation>استخدم 5 أحرف مختلفة على الأقل.</translation>
    </message>
    <message>
      <source>The password must not contain the username.</source>
      <comment>onboarding.password_has_username</comment>
      <translation>يجب ألا تحتوي كلمة المرور على اسم المستخدم.</translation>
    </message>
    <message>
      <source>The password must not contain your name.</source>
      <comment>onboarding.password_has_name</comment>
      <translation>يجب ألا تحتوي كلمة المرور على اسمك.</translation>
    </message>
    <message>
      <source>This is one of the passwords guessed first; choose another.</source>
      <comment>onboarding.password_common</comment>
      <translation>هذه من كلمات المرور التي تُخمَّن أولًا؛ اختر غيرها.</translation>
    </message>
    <message>
      <source>Counting digits or letters are guessed first.</source>
      <comment>onboarding.password_counting</comment>
      <translation>الأرقام أو الحروف المتسلسلة تُخمَّن أولًا.</translation>
    </message>
    <message>
      <source>The password is too weak: {problems}</source>
      <comment>onboarding.password_too_weak</comment>
      <translation>كلمة المرور ضعيفة جدًا: {problems}</translation>
    </message>
    <message>
      <source>{label} must be written as a number in quotes or typed, like "300.00" (not a floating-point value).</source>
      <comment>onboarding.label_written_number_quotes</comment>
      <translation>يجب كتابة {label} كرقم بين علامتي اقتباس أو إدخاله يدويًا، مثل "300.00" (وليس قيمة عشرية عائمة).</translation>
    </message>
    <message>
      <source>{label} must be a number, like 300.00.</source>
      <comment>onboarding.label_number_like_2</comment>
      <translation>يجب أن تكون قيمة {label} رقمًا، مثل 300.00.</translation>
    </message>
    <message>
      <source>{label} must be a number, like 300.00.</source>
      <comment>onboarding.label_number_like</comment>
      <translation>يجب أن تكون قيمة {label} رقمًا، مثل 300.00.</translation>
    </message>
    <message>
      <source>The fee of {code}</source>
      <comment>onboarding.label_fee_of</comment>
      <translation>رسوم {code}</translation>
    </message>
    <message>
      <source>The fee of {code} must be between 0.00 and {max} AED.</source>
      <comment>onboarding.fee_code_between_max</comment>
      <translation>يجب أن تكون رسوم {code} بين 0.00 و{max} درهم.</translation>
    </message>
    <message>
      <source>The fee of {code} has more than 2 decimals.</source>
      <comment>onboarding.fee_code_more_than</comment>
      <translation>رسوم {code} تحتوي على أكثر من منزلتين عشريتين.</translation>
    </message>
    <message>
      <source>The VAT rate of {code}</source>
      <comment>onboarding.label_vat_rate_of</comment>
      <translation>نسبة ضريبة القيمة المضافة لـ {code}</translation>
    </message>
    <message>
      <source>The VAT rate of {code} must be a fraction from 0 to below 1 (0.05 is 5%).</source>
      <comment>onboarding.vat_rate_code_fraction</comment>
      <translation>يجب أن تكون نسبة ضريبة القيمة المضافة لـ {code} كسرًا من 0 إلى أقل من 1 (0.05 تعني 5%).</translation>
    </message>
    <message>
      <source>The VAT rate of {code} has too many decimals.</source>
      <comment>onboarding.vat_rate_code_too</comment>
      <translation>نسبة ضريبة القيمة المضافة لـ {code} تحتوي على منازل عشرية كثيرة.</translation>
    </message>
    <message>
      <source>The CPT code of {code}</source>
      <comment>onboarding.label_cpt_of</comment>
      <translation>رمز CPT لـ {code}</translation>
    </message>
    <message>
      <source>The CPT code of {code} must be 4 to 10 letters or digits.</source>
      <comment>onboarding.cpt_code_code_letters</comment>
      <translation>يجب أن يتكون رمز CPT لـ {code} من 4 إلى 10 أحرف أو أرقام.</translation>
    </message>
    <message>
      <source>The description of {code}</source>
      <comment>onboarding.label_description_of</comment>
      <translation>وصف {code}</translation>
    </message>
    <message>
      <source>A {kind} code</source>
      <comment>onboarding.label_list_code</comment>
      <translation>رمز {kind}</translation>
    </message>
    <message>
      <source>The {kind} code {code} must be letters, digits, '-' or '_' (up to 20).</source>
      <comment>onboarding.kind_code_code_letters</comment>
      <translation>يجب أن يتكون رمز {kind} {code} من أحرف أو أرقام أو '-' أو '_' (حتى 20).</translation>
    </message>
    <message>
      <source>payer</source>
      <comment>onboarding.kind_payer</comment>
      <translation>جهة الدفع</translation>
    </message>
    <message>
      <source>The name of payer {code}</source>
      <comment>onboarding.label_payer_name</comment>
      <translation>اسم جهة الدفع {code}</translation>
    </message>
    <message>
      <source>The DHA payer id of {code}</source>
      <comment>onboarding.label_payer_dha_id</comment>
      <translation>معرّف جهة الدفع لدى DHA لـ {code}</translation>
    </message>
    <message>
      <source>The copay % of {code}</source>
      <comment>onboarding.label_payer_copay</comment>
      <translation>نسبة التحمل % لـ {code}</translation>
    </message>
    <message>
      <source>The copay % of {code} must be between 0 and 100.</source>
      <comment>onboarding.copay_code_between</comment>
      <translation>يجب أن تكون نسبة التحمل % لـ {code} بين 0 و100.</translation>
    </message>
    <message>
      <source>Pre-auth required for {code} must be true or false.</source>
      <comment>onboarding.pre_auth_required_code</comment>
      <translation>قيمة «الموافقة المسبقة مطلوبة» لـ {code} يجب أن تكون true أو false.</translation>
    </message>
    <message>
      <source>department</source>
      <comment>onboarding.kind_department</comment>
      <translation>القسم</translation>
    </message>
    <message>
      <source>The name of department {code}</source>
      <comment>onboarding.label_department_name</comment>
      <translation>اسم القسم {code}</translation>
    </message>
    <message>
      <source>The hospital name</source>
      <comment>onboarding.label_hospital_name</comment>
      <translation>اسم المستشفى</translation>
    </message>
    <message>
      <source>The address</source>
      <comment>onboarding.label_address</comment>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>The phone number</source>
      <comment>onboarding.label_phone</comment>
      <translation>رقم الهاتف</translation>
    </message>
    <message>
      <source>The email address</source>
      <comment>onboarding.label_email</comment>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>{email} is not an email address.</source>
      <comment>onboarding.email_email_address</comment>
      <translation>{email} ليس عنوان بريد إلكتروني.</translation>
    </message>
    <message>
      <source>The administrator's full name</source>
      <comment>onboarding.label_admin_full_name</comment>
      <translation>الاسم الكامل للمسؤول</translation>
    </message>
    <message>
      <source>The charge master needs a fee for {codes}.</source>
      <comment>onboarding.charge_master_needs</comment>
      <translation>تحتاج قائمة الأسعار إلى رسوم لـ {codes}.</translation>
    </message>
    <message>
      <source>Each charge code may appear once.</source>
      <comment>onboarding.each_charge_code_may</comment>
      <translation>يجب أن يظهر كل رمز رسوم مرة واحدة فقط.</translation>
    </message>
    <message>
      <source>Each payer code may appear once.</source>
      <comment>onboarding.each_payer_code_may</comment>
      <translation>يجب أن يظهر كل رمز جهة دفع مرة واحدة فقط.</translation>
    </message>
    <message>
      <source>Each department code may appear once.</source>
      <comment>onboarding.each_department_code_may</comment>
      <translation>يجب أن يظهر كل رمز قسم مرة واحدة فقط.</translation>
    </message>
    <message>
      <source>The setup file must be a TOML table.</source>
      <comment>onboarding.setup_file_toml_table</comment>
      <translation>يجب أن يكون ملف الإعداد جدول TOML.</translation>
    </message>
    <message>
      <source>Unknown section(s) in the setup file: {unknown} (expected {known}).</source>
      <comment>onboarding.unknown_section_s_setup</comment>
      <translation>قسم (أقسام) غير معروف في ملف الإعداد: {unknown} (المتوقع {known}).</translation>
    </message>
    <message>
      <source>The setup file must not hold a password: it is asked for at the prompt or read from CLINICDESK_ADMIN_PASSWORD.</source>
      <comment>onboarding.setup_file_hold_password</comment>
      <translation>يجب ألا يحتوي ملف الإعداد على كلمة مرور: تُطلب عند التشغيل أو تُقرأ من CLINICDESK_ADMIN_PASSWORD.</translation>
    </message>
    <message>
      <source>[[charges]] must be a list of tables.</source>
      <comment>onboarding.charges_list_tables</comment>
      <translation>يجب أن يكون [[charges]] قائمة من الجداول.</translation>
    </message>
    <message>
      <source>[[payers]] must be a list of tables.</source>
      <comment>onboarding.payers_list_tables</comment>
      <translation>يجب أن يكون [[payers]] قائمة من الجداول.</translation>
    </message>
    <message>
      <source>The setup file needs a [{key}] section.</source>
      <comment>onboarding.setup_file_needs_key</comment>
      <translation>يحتاج ملف الإعداد إلى قسم [{key}].</translation>
    </message>
    <message>
      <source>[{key}] must be a table of key = value lines.</source>
      <comment>onboarding.key_table_key_lines</comment>
      <translation>يجب أن يكون [{key}] جدولًا من أسطر key = value.</translation>
    </message>
    <message>
      <source>Each entry in [[{section}]] needs {key} = ...</source>
      <comment>onboarding.each_entry_section_needs</comment>
      <translation>كل إدخال في [[{section}]] يحتاج إلى {key} = ...</translation>
    </message>
  </context>
</TS>
