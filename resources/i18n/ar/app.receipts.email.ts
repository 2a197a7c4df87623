<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{field_name} must be text, like name@example.com.</source>
      <comment>email.must_text_like_name</comment>
      <translation>يجب أن يكون {field_name} نصًا، مثل name@example.com.</translation>
    </message>
    <message>
      <source>{field_name} is required.</source>
      <comment>email.required</comment>
      <translation>{field_name} مطلوب.</translation>
    </message>
    <message>
      <source>{field_name} is too long for an email address (at most 254 characters).</source>
      <comment>email.too_long_email_address</comment>
      <translation>{field_name} أطول من اللازم لعنوان بريد إلكتروني (254 حرفًا كحد أقصى).</translation>
    </message>
    <message>
      <source>{field_name} '{text}' is not valid: enter one address, like name@example.com.</source>
      <comment>email.not_valid_enter_one</comment>
      <translation>{field_name} '{text}' غير صالح: أدخل عنوانًا واحدًا، مثل name@example.com.</translation>
    </message>
    <message>
      <source>{field_name} '{text}' is not valid: it should look like name@example.com.</source>
      <comment>email.not_valid_should_look</comment>
      <translation>{field_name} '{text}' غير صالح: يجب أن يكون مثل name@example.com.</translation>
    </message>
    <message>
      <source>The receipt PDF is empty or damaged; render it again.</source>
      <comment>email.receipt_pdf_empty_damaged</comment>
      <translation>ملف PDF للإيصال فارغ أو تالف؛ أنشئه مرة أخرى.</translation>
    </message>
    <message>
      <source>the test email</source>
      <comment>email.what_test</comment>
      <translation>البريد التجريبي</translation>
    </message>
    <message>
      <source>Check the address.</source>
      <comment>email.check_address</comment>
      <translation>تحقّق من العنوان.</translation>
    </message>
    <message>
      <source>the receipt</source>
      <comment>email.what_receipt</comment>
      <translation>الإيصال</translation>
    </message>
    <message>
      <source>Check the address with the patient.</source>
      <comment>email.check_with_patient</comment>
      <translation>تحقّق من العنوان مع المريض.</translation>
    </message>
    <message>
      <source>No mail server is set up. Ask an administrator to enter it in the mail settings.</source>
      <comment>email.no_mail_server_set</comment>
      <translation>لم يتم إعداد خادم بريد. اطلب من المسؤول إدخاله في إعدادات البريد.</translation>
    </message>
    <message>
      <source>The mail server at {where} refused the address {address} ({code} {reason}). {check}</source>
      <comment>email.refused_address</comment>
      <translation>رفض خادم البريد في {where} العنوان {address} ({code} {reason}). {check}</translation>
    </message>
    <message>
      <source>The mail server at {where} did not accept the user name or password ({reply}). Ask an administrator to check the mail settings.</source>
      <comment>email.login_refused</comment>
      <translation>لم يقبل خادم البريد في {where} اسم المستخدم أو كلمة المرور ({reply}). اطلب من المسؤول التحقق من إعدادات البريد.</translation>
    </message>
    <message>
      <source>The mail server at {where} refused the sender address {sender} ({reply}). Ask an administrator to check the mail settings.</source>
      <comment>email.sender_refused</comment>
      <translation>رفض خادم البريد في {where} عنوان المرسل {sender} ({reply}). اطلب من المسؤول التحقق من إعدادات البريد.</translation>
    </message>
    <message>
      <source>a secure connection (STARTTLS)</source>
      <comment>email.starttls</comment>
      <translation>الاتصال الآمن (STARTTLS)</translation>
    </message>
    <message>
      <source>logging in</source>
      <comment>email.logging_in</comment>
      <translation>تسجيل الدخول</translation>
    </message>
    <message>
      <source>The mail server at {where} does not support {feature}. Ask an administrator to check the mail settings.</source>
      <comment>email.not_supported</comment>
      <translation>خادم البريد في {where} لا يدعم {feature}. اطلب من المسؤول التحقق من إعدادات البريد.</translation>
    </message>
    <message>
      <source>The mail server at {where} closed the connection before {what} was sent. Try again; if it keeps happening, ask IT to check the mail server.</source>
      <comment>email.disconnected</comment>
      <translation>أغلق خادم البريد في {where} الاتصال قبل إرسال {what}. حاول مرة أخرى؛ وإذا تكرر ذلك فاطلب من قسم تقنية المعلومات فحص خادم البريد.</translation>
    </message>
    <message>
      <source>The mail server at {where} did not accept {what} ({reply}).</source>
      <comment>email.not_accepted</comment>
      <translation>لم يقبل خادم البريد في {where} {what} ({reply}).</translation>
    </message>
    <message>
      <source>Sending {what} through the mail server at {where} failed: {error}.</source>
      <comment>email.sending_failed</comment>
      <translation>فشل إرسال {what} عبر خادم البريد في {where}: {error}.</translation>
    </message>
    <message>
      <source>A secure connection to the mail server at {where} could not be made ({error}). Ask an administrator to check the TLS settings.</source>
      <comment>email.tls_failed</comment>
      <translation>تعذّر إنشاء اتصال آمن بخادم البريد في {where} ({error}). اطلب من المسؤول التحقق من إعدادات TLS.</translation>
    </message>
    <message>
      <source>The mail server at {where} refused the connection. Check that the server name and port in the mail settings are right and that the server is running.</source>
      <comment>email.connection_refused</comment>
      <translation>رفض خادم البريد في {where} الاتصال. تحقّق من صحة اسم الخادم والمنفذ في إعدادات البريد ومن أن الخادم يعمل.</translation>
    </message>
    <message>
      <source>The mail server '{host}' could not be found. Check the server name in the mail settings and this computer's network connection.</source>
      <comment>email.host_not_found</comment>
      <translation>تعذّر العثور على خادم البريد '{host}'. تحقّق من اسم الخادم في إعدادات البريد ومن اتصال هذا الجهاز بالشبكة.</translation>
    </message>
    <message>
      <source>The mail server at {where} could not be reached ({error}). Check the network connection and try again.</source>
      <comment>email.unreachable</comment>
      <translation>تعذّر الوصول إلى خادم البريد في {where} ({error}). تحقّق من اتصال الشبكة وحاول مرة أخرى.</translation>
    </message>
    <message>
      <source>The mail server at {where} did not answer within {seconds} seconds. Check the network connection and try again.</source>
      <comment>email.no_answer</comment>
      <translation>لم يستجب خادم البريد في {where} خلال {seconds} ثانية. تحقّق من اتصال الشبكة وحاول مرة أخرى.</translation>
    </message>
  </context>
</TS>
