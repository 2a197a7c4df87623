<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>There is no active doctor {doctor_id} in that department.</source>
      <extracomment>no_active_doctor_department</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This hospital has no emergency department. An administrator marks one as the emergency department.</source>
      <extracomment>hospital_no_emergency_department</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>move the appointment</source>
      <extracomment>what_move</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancel the appointment</source>
      <extracomment>what_cancel</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Marked Broken in OpenDental.</source>
      <extracomment>od_marked_broken</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no department {department_id} at this hospital.</source>
      <extracomment>no_department_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a time slot from the list (a time with its time zone).</source>
      <extracomment>choose_time_slot_list</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <extracomment>no_patient_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{full_name} ({mrn}) is marked inactive.</source>
      <extracomment>marked_inactive</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no doctor {doctor_id} at this hospital.</source>
      <extracomment>no_doctor_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{full_name} is not taking appointments (inactive).</source>
      <extracomment>not_taking_appointments_inactive</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{local} is not one of {full_name}'s slots. Choose a time from the list.</source>
      <extracomment>not_one_slots_choose</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {label} slot is past or starts within {value} minutes; choose a later one.</source>
      <extracomment>slot_past_starts_within</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{full_name}'s {label} slot on {day} was just booked by another desk. Choose another slot.</source>
      <extracomment>slot_just_booked_another</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{full_name} already has an appointment at that time (appointment {id}).</source>
      <extracomment>already_appointment_time_appointment</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental is not set up on this workstation; the booking was not made.</source>
      <extracomment>opendental_not_set_up</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental could not {what}: {error} Nothing was changed in ClinicDesk.</source>
      <extracomment>od_could_not</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>book the appointment</source>
      <extracomment>what_book</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Also booked in OpenDental (AptNum {apt_num}).</source>
      <extracomment>od_also_booked</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Also moved in OpenDental (AptNum {apt_num}).</source>
      <extracomment>od_also_moved</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {label} slot was just booked by another desk. Choose another slot.</source>
      <extracomment>slot_just_booked_another_2</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <extracomment>no_appointment_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Appointment {appointment_id} is {value}; only a booking that is not checked in can be moved or cancelled.</source>
      <extracomment>appointment_booking_not_checked</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This hospital no longer exists.</source>
      <extracomment>hospital_no_longer_exists</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
