<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Upcoming appointments (next 7 days)</source>
      <translation>المواعيد القادمة (الأيام 7 التالية)</translation>
    </message>
    <message>
      <source>Today's appointments</source>
      <translation>مواعيد اليوم</translation>
    </message>
    <message>
      <source>Completed appointments (last 7 days)</source>
      <translation>المواعيد المكتملة (آخر 7 أيام)</translation>
    </message>
    <message>
      <source>Eligibility (coverage)</source>
      <translation>الأهلية (التغطية)</translation>
    </message>
    <message>
      <source>Claim status</source>
      <translation>حالة المطالبة</translation>
    </message>
    <message>
      <source>Payment posting</source>
      <translation>ترحيل المدفوعات</translation>
    </message>
    <message>
      <source>A SANDBOX connection has no address: ClinicDesk starts its own simulated OpenDental. Clear the base URL or pick another mode.</source>
      <comment>opendental_connection.sandbox_connection_address_clinicdesk</comment>
      <translation>اتصال SANDBOX ليس له عنوان: يشغّل ClinicDesk نسخة محاكاة خاصة به من OpenDental. امسح العنوان الأساسي أو اختر وضعًا آخر.</translation>
    </message>
    <message>
      <source>Enter the OpenDental base URL, for example {examples}.</source>
      <comment>opendental_connection.enter_opendental_base_url</comment>
      <translation>أدخل العنوان الأساسي لـ OpenDental، مثل {examples}.</translation>
    </message>
    <message>
      <source>The base URL is longer than {max} characters.</source>
      <comment>opendental_connection.base_url_longer_than</comment>
      <translation>العنوان الأساسي أطول من {max} حرفًا.</translation>
    </message>
    <message>
      <source>'{url}' is not a valid address (for example {examples}).</source>
      <comment>opendental_connection.url_valid_address_example</comment>
      <translation>'{url}' ليس عنوانًا صالحًا (مثال: {examples}).</translation>
    </message>
    <message>
      <source>The base URL must start with https:// or http:// and name a server, for example {examples}.</source>
      <comment>opendental_connection.base_url_start_https</comment>
      <translation>يجب أن يبدأ العنوان الأساسي بـ https:// أو http:// وأن يحدد خادمًا، مثل {examples}.</translation>
    </message>
    <message>
      <source>Do not put a user name or password in the base URL: the API keys are entered below and kept in the keyring.</source>
      <comment>opendental_connection.do_put_user_name</comment>
      <translation>لا تضع اسم مستخدم أو كلمة مرور في العنوان الأساسي: تُدخَل مفاتيح API أدناه وتُحفظ في مخزن كلمات المرور.</translation>
    </message>
    <message>
      <source>The base URL must not contain '?' or '#' parts.</source>
      <comment>opendental_connection.base_url_contain_parts</comment>
      <translation>يجب ألا يحتوي العنوان الأساسي على أجزاء '?' أو '#'.</translation>
    </message>
    <message>
      <source>The port in the base URL must be between 1 and 65535.</source>
      <comment>opendental_connection.port_base_url_between</comment>
      <translation>يجب أن يكون المنفذ في العنوان الأساسي بين 1 و65535.</translation>
    </message>
    <message>
      <source>The cloud API (eConnector) must be reached over https://; API keys are never sent in clear text over the internet.</source>
      <comment>opendental_connection.cloud_api_econnector_reached</comment>
      <translation>يجب الوصول إلى واجهة API السحابية (eConnector) عبر https://؛ لا تُرسَل مفاتيح API أبدًا كنص غير مشفّر عبر الإنترنت.</translation>
    </message>
    <message>
      <source>LOCAL mode is the API on this computer: use http://localhost (or https:// for another computer, or pick SERVICE mode for a server on the clinic network).</source>
      <comment>opendental_connection.local_mode_api_computer</comment>
      <translation>وضع LOCAL يعني واجهة API على هذا الكمبيوتر: استخدم http://localhost (أو https:// لكمبيوتر آخر، أو اختر وضع SERVICE لخادم على شبكة العيادة).</translation>
    </message>
    <message>
      <source>'{host}' is not on the clinic network: plain http:// is only allowed to a private address or LAN name; use https://.</source>
      <comment>opendental_connection.host_clinic_network_plain</comment>
      <translation>'{host}' ليس على شبكة العيادة: لا يُسمح باستخدام http:// غير المشفّر إلا مع عنوان خاص أو اسم على الشبكة المحلية؛ استخدم https://.</translation>
    </message>
    <message>
      <source>The OpenDental ClinicNum must be a whole number (leave it empty for a practice without clinics).</source>
      <comment>opendental_connection.opendental_clinicnum_whole_number</comment>
      <translation>يجب أن يكون ClinicNum في OpenDental عددًا صحيحًا (اتركه فارغًا لعيادة بدون فروع).</translation>
    </message>
    <message>
      <source>The OpenDental ClinicNum must be a positive whole number (leave it empty for a practice without clinics).</source>
      <comment>opendental_connection.opendental_clinicnum_positive_whole</comment>
      <translation>يجب أن يكون ClinicNum في OpenDental عددًا صحيحًا موجبًا (اتركه فارغًا لعيادة بدون فروع).</translation>
    </message>
    <message>
      <source>Choose the practice's timezone, for example Asia/Dubai.</source>
      <comment>opendental_connection.choose_practice_s_timezone</comment>
      <translation>اختر المنطقة الزمنية للعيادة، مثل Asia/Dubai.</translation>
    </message>
    <message>
      <source>'{name}' is not a timezone; use a name such as Asia/Dubai.</source>
      <comment>opendental_connection.name_timezone_use_name_2</comment>
      <translation>'{name}' ليست منطقة زمنية؛ استخدم اسمًا مثل Asia/Dubai.</translation>
    </message>
    <message>
      <source>'{name}' is not a timezone; use a name such as Asia/Dubai.</source>
      <comment>opendental_connection.name_timezone_use_name</comment>
      <translation>'{name}' ليست منطقة زمنية؛ استخدم اسمًا مثل Asia/Dubai.</translation>
    </message>
    <message>
      <source>Requests per second must be a number such as 1 or 0.2.</source>
      <comment>opendental_connection.requests_per_second_number</comment>
      <translation>يجب أن يكون عدد الطلبات في الثانية رقمًا مثل 1 أو 0.2.</translation>
    </message>
    <message>
      <source>Requests per second must be between {low} and {high} (OpenDental throttles each customer key; 1 is the usual tier).</source>
      <comment>opendental_connection.requests_per_second_between</comment>
      <translation>يجب أن يكون عدد الطلبات في الثانية بين {low} و{high} (يحدّ OpenDental من طلبات كل مفتاح عميل؛ والمعتاد 1).</translation>
    </message>
    <message>
      <source>There is no sync job called '{job}'.</source>
      <comment>opendental_connection.there_sync_job_called</comment>
      <translation>لا توجد مهمة مزامنة باسم '{job}'.</translation>
    </message>
    <message>
      <source>The cadence of {job} must be whole minutes.</source>
      <comment>opendental_connection.cadence_job_labels_whole</comment>
      <translation>يجب أن يكون تكرار {job} بدقائق كاملة.</translation>
    </message>
    <message>
      <source>The cadence of {job} must be between {low} and {high} minutes.</source>
      <comment>opendental_connection.cadence_job_labels_between</comment>
      <translation>يجب أن يكون تكرار {job} بين {low} و{high} دقيقة.</translation>
    </message>
    <message>
      <source>Give the connection a name, for example the clinic's name.</source>
      <comment>opendental_connection.give_connection_name_example</comment>
      <translation>أعطِ الاتصال اسمًا، مثل اسم العيادة.</translation>
    </message>
    <message>
      <source>The connection name is longer than {max} characters.</source>
      <comment>opendental_connection.connection_name_longer_than</comment>
      <translation>اسم الاتصال أطول من {max} حرفًا.</translation>
    </message>
    <message>
      <source>Choose the mode: CLOUD, LOCAL, SERVICE or SANDBOX.</source>
      <comment>opendental_connection.choose_mode_cloud_local</comment>
      <translation>اختر الوضع: CLOUD أو LOCAL أو SERVICE أو SANDBOX.</translation>
    </message>
  </context>
</TS>
